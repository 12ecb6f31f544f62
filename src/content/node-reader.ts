/** A node `fs` file reader for the engine's loader (build time only: never bundled for the browser). */
import { readFileSync, statSync } from 'node:fs';
import type { FileReader } from '../engine/format/load.ts';

export const nodeReader: FileReader = {
  read(path) {
    try {
      return new Uint8Array(readFileSync(path));
    } catch {
      return undefined;
    }
  },
  size(path) {
    try {
      const st = statSync(path);
      return st.isFile() ? st.size : undefined;
    } catch {
      return undefined;
    }
  },
};
