/** Random and sequential access to a staged file (an upload on disk, or bytes in a test). */
export interface FileReader {
  size: number;
  readAt(offset: number, length: number): Promise<Uint8Array>;
  pieces(pieceBytes: number): AsyncIterable<Uint8Array>;
}
