import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { FileStore } from "./file-store.ts";

export interface S3FileStoreOptions {
  bucket: string;
  /** An S3-compatible endpoint (MinIO, R2, Ceph...); AWS itself when absent. */
  endpoint?: string | undefined;
  region: string;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** Bucket in the path, not the host name (most self-hosted stores need it). */
  isPathStyle: boolean;
  /** Folder inside the bucket. */
  prefix?: string | undefined;
}

/** Files in an S3-compatible bucket; the server still serves them (same URLs, same cache headers). */
export class S3FileStore implements FileStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3FileStoreOptions) {
    const { endpoint, region, accessKeyId, secretAccessKey, isPathStyle } = options;
    this.client = new S3Client({
      region,
      forcePathStyle: isPathStyle,
      ...(endpoint ? { endpoint } : {}),
      ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    });
  }

  private key(filePath: string): string {
    return this.options.prefix ? `${this.options.prefix.replace(/\/$/, "")}/${filePath}` : filePath;
  }

  async put(filePath: string, data: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: this.key(filePath), Body: data, ContentType: contentType }));
  }

  async read(filePath: string): Promise<Buffer | null> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(filePath) }));
      return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : null;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
      throw error;
    }
  }

  async remove(filePaths: string[]): Promise<void> {
    for (const filePath of filePaths) await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(filePath) }));
  }

  close(): void {
    this.client.destroy();
  }
}
