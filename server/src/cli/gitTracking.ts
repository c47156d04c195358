// Answers "does git track this file, or would it?" for password-in-plain-text: a file in a
// repository counts unless .gitignore excludes it and git does not already track it.
// Outside a repository the answer is undefined (the rule then judges every file).
import { spawnSync } from 'node:child_process';
import { dirname, relative, sep } from 'node:path';
import { ancestorLayers, findGitRoot, isIgnored, readIgnoreLayer, type IgnoreLayer } from './gitignore';

export class GitTracking {
  private readonly roots = new Map<string, string | undefined>();
  private readonly layers = new Map<string, IgnoreLayer[]>();
  private readonly trackedFiles = new Map<string, Set<string>>();

  isTracked(file: string): boolean | undefined {
    const folder = dirname(file);
    const root = this.rootOf(folder);
    if (root === undefined) return undefined;
    if (!isIgnored(this.layersAt(folder, root), file, false)) return true;
    return this.tracked(root).has(relative(root, file).split(sep).join('/'));
  }

  private rootOf(folder: string): string | undefined {
    if (!this.roots.has(folder)) this.roots.set(folder, findGitRoot(folder));
    return this.roots.get(folder);
  }

  private layersAt(folder: string, root: string): IgnoreLayer[] {
    let layers = this.layers.get(folder);
    if (!layers) {
      const own = readIgnoreLayer(folder);
      layers = own ? [...ancestorLayers(folder, root), own] : ancestorLayers(folder, root);
      this.layers.set(folder, layers);
    }
    return layers;
  }

  /** Files git already tracks (an ignored file can still be tracked); asked only when a file is ignored. */
  private tracked(root: string): Set<string> {
    let files = this.trackedFiles.get(root);
    if (!files) {
      const listed = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      files = new Set(listed.status === 0 ? listed.stdout.split('\0').filter(Boolean) : []);
      this.trackedFiles.set(root, files);
    }
    return files;
  }
}

