/**
 * A queue that takes messages and delivers none. The Worker's own intake consumer applies what it
 * is sent to its configured spreadsheet (test-sheet, which other files fill with the same 编号): a
 * test that applies the inbox to a spreadsheet of its own sends its submissions here, so its
 * entries are not marked applied elsewhere before its own applyInbox sees them.
 */
export const quietQueue = {
  send: async () => undefined,
  sendBatch: async () => undefined,
} as unknown as Queue;
