import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Where uploaded files live. Paths are relative and made by the domain (`<uuid>/<size>.webp`),
 * never by a user; the local store checks that anyway.
 */
export interface FileStore {
  put(filePath: string, data: Buffer, contentType: string): Promise<void>;
  /** The file's bytes, or null when there is none. */
  read(filePath: string): Promise<Buffer | null>;
  remove(filePaths: string[]): Promise<void>;
}

const SAFE_PATH = /^[a-z0-9-]+(\/[a-z0-9-]+\.[a-z0-9]+)?$/;

/** Files on local disk under one folder (by default the data folder's `uploads`). */
export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private resolve(filePath: string): string {
    if (!SAFE_PATH.test(filePath)) throw new Error(`unsafe file path: ${filePath}`);
    return path.join(this.root, filePath);
  }

  async put(filePath: string, data: Buffer): Promise<void> {
    const target = this.resolve(filePath);
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename would matter for overwrites; keys are new UUIDs, never overwritten.
    await writeFile(target, data);
  }

  async read(filePath: string): Promise<Buffer | null> {
    try {
      return await readFile(this.resolve(filePath));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async remove(filePaths: string[]): Promise<void> {
    for (const filePath of filePaths) await rm(this.resolve(filePath), { force: true });
    const folders = new Set(filePaths.map((p) => path.dirname(this.resolve(p))));
    for (const folder of folders) if (folder !== this.root) await rm(folder, { recursive: true, force: true });
  }
}
