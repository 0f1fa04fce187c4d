/** Suggestions a page of the list shows. */
export const SUGGESTIONS_PAGE_SIZE = 100;
