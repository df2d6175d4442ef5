/** The Node.js options `npm start` gives the production server on a machine with `cores` cores (see the .js file). */
export function serverNodeOptions(cores?: number): string;
