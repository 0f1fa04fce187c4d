/**
 * What 代表's 备注 says of a deputy of a former term, kept in 代表 after 换届 so that the suggestions
 * he or she led are still answered and rated (the advice of a deputy not in 代表 asks for 备注 上届).
 * Read by the deputies' records (/deputies marks them 上届) and by the ledger check, which asks
 * about a new suggestion naming one (check-ledger-refs.ts).
 */
const FORMER_NOTE = /上届|往届|离任|资格终止/;

/** A deputy of a former term, by 代表's 备注 (FORMER_NOTE). */
export const isFormerDeputy = (notes: string | null | undefined): boolean => FORMER_NOTE.test(notes ?? "");
