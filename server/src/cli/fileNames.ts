// The cheap test on a file name that runs before any file is read: the readers' own
// name classification (so the CLI can never skip a file the editor would check). It says
// yes to every YAML file; the reader then decides on the content.
import { classifyByName } from '../sources/detect';

export function mightBeSettingsFile(name: string): boolean {
  return classifyByName(name) !== undefined;
}
