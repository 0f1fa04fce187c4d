/** A byte source of joinByteStreams: bytes at hand, or a stream (an R2 object's body). */
export type ByteSource = Uint8Array | ReadableStream<Uint8Array>;

/**
 * One stream of the sources' bytes, in order; each source is asked for when the one before it is
 * done. In workerd the pipe is an IdentityTransformStream, so an R2 body flows through it natively
 * without a JavaScript callback per chunk (the isolate's CPU stays with the Worker's own work). A
 * source that fails aborts the stream: the download ends with an error, never as a shorter file.
 */
export function joinByteStreams(sources: AsyncIterable<ByteSource>): ReadableStream<Uint8Array> {
  const pipe: { readable: ReadableStream<Uint8Array>; writable: WritableStream<Uint8Array> } =
    typeof IdentityTransformStream === "function"
      ? new IdentityTransformStream()
      : new TransformStream<Uint8Array, Uint8Array>();
  const { writable } = pipe;
  void (async () => {
    try {
      for await (const source of sources) {
        if (source instanceof Uint8Array) {
          const writer = writable.getWriter();
          await writer.write(source);
          writer.releaseLock();
        } else {
          await source.pipeTo(writable, { preventClose: true });
        }
      }
      await writable.close();
    } catch (error) {
      await writable.abort(error).catch(() => undefined);
    }
  })();
  return pipe.readable;
}
