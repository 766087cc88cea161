/** The middle value (the upper one of an even count), as every bench part reports its runs. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
