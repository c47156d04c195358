// What is in a folder, asked many times per run (config discovery, declarations): answered
// from the listings the file walk already read, and from one stat per name elsewhere, each
// answer kept for the run. A CLI run sees one moment of the disk, so nothing expires.
import { statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export class FolderContents {
  private readonly listed = new Map<string, Map<string, 'file' | 'folder' | 'other'>>();
  private readonly stats = new Map<string, 'file' | 'folder' | 'none'>();

  /** Records a listing made by the file walk. */
  record(folder: string, entries: readonly Dirent[]): void {
    const names = new Map<string, 'file' | 'folder' | 'other'>();
    for (const entry of entries) names.set(entry.name, entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : 'other');
    this.listed.set(folder, names);
  }

  isFile(folder: string, name: string): boolean {
    return this.kind(folder, name) === 'file';
  }

  isFolder(folder: string, name: string): boolean {
    return this.kind(folder, name) === 'folder';
  }

  private kind(folder: string, name: string): 'file' | 'folder' | 'none' {
    const listing = this.listed.get(folder);
    const known = listing?.get(name);
    // a symbolic link (or a name not in the listing) is asked of the file system
    if (listing && known === undefined) return 'none';
    if (known === 'file' || known === 'folder') return known;
    const path = join(folder, name);
    let answer = this.stats.get(path);
    if (answer === undefined) {
      try {
        const stat = statSync(path);
        answer = stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'none';
      } catch {
        answer = 'none';
      }
      this.stats.set(path, answer);
    }
    return answer;
  }
}
