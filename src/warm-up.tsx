/**
 * hono/jsx finds node:async_hooks on its first render, which in workerd costs tens of milliseconds
 * (measured: 62 ms under the bench's profiler). Rendering once while the Worker starts puts that
 * in the start-up time, which has its own limit, instead of in the 10 ms of the first page an
 * isolate serves.
 */
String(<p />);
