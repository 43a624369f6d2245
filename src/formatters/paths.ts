/** How a linted file is named in each output: absolute, relative to the working directory, or as a URI. */

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The file's absolute path; a relative `file` is taken as relative to `cwd`. */
export function absolutePath(file: string, cwd: string): string {
  return path.resolve(cwd, file);
}

/** The file relative to `cwd`, with the platform's separators, for people to read. */
export function relativePath(file: string, cwd: string): string {
  return path.relative(cwd, absolutePath(file, cwd)) || path.basename(file);
}

/** The file relative to `cwd` with forward slashes, as CI systems and SARIF expect on every platform. */
export function relativePosixPath(file: string, cwd: string): string {
  return relativePath(file, cwd).split(path.sep).join('/');
}

/** Whether the file lies inside `cwd` (its relative path does not climb out or switch drives). */
export function isInside(file: string, cwd: string): boolean {
  const rel = path.relative(cwd, absolutePath(file, cwd));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** A `file:` URI for a directory, ending in a slash so relative references resolve inside it. */
export function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A `file:` URI for a file. */
export function fileUri(file: string, cwd: string): string {
  return pathToFileURL(absolutePath(file, cwd)).href;
}

/** A relative URI reference for a path with forward slashes: each segment percent-encoded (spaces, `%`, `#`, `:`). */
export function relativeUri(posixPath: string): string {
  return posixPath.split('/').map(encodeURIComponent).join('/');
}
