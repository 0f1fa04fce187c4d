/**
 * A queue that takes messages and delivers none. The Worker's own intake consumer applies what it
 * is sent to its configured spreadsheet (test-sheet), whenever its batch comes due (5 s later:
 * often in another test, which may have stored submissions with the same ids by then). Tests send
 * their submissions here and apply them themselves (applyInbox, or a batch they hand the Worker).
 */
export const quietQueue = {
  send: async () => undefined,
  sendBatch: async () => undefined,
} as unknown as Queue;
