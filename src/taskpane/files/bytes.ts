/** A file's bytes through FileReader, which older webviews have and Blob#arrayBuffer not. */
export function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("无法读取文件。"));
    reader.readAsArrayBuffer(blob);
  });
}
