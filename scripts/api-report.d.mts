/** The path of the checked-in report, api/cocreation.api.md. */
export declare const REPORT: string;
/** The report as the built declarations under `root` (default: the repository) give it. */
export declare function apiReport(root?: string): string;
