// chinese-days' lunar and solar-term code, taken from the TypeScript source the package ships
// (`src/`). Its `dist` build is one module that also builds every holiday table when loaded: it
// would add about 11 KiB gzip to the Worker, where these two functions (with calendar-fallback.ts)
// add about 4.5 KiB (measured with `wrangler deploy --dry-run`). This file is plain JavaScript so
// that TypeScript reads the types beside it (chinese-days-lunar.d.ts) instead of checking the
// package's source against this project's stricter settings.
export { getSolarDateFromLunar, getYearLeapMonth, monthDays } from "chinese-days/src/solar_lunar/index";
export { getSolarTermDate } from "chinese-days/src/solar_terms/index";
