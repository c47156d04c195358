export declare const root: string;
export declare const suiteBundle: string;
export declare function buildSuite(): Promise<string>;
