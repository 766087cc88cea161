/** Where the app runs, for the install guidance. Pure: takes what the browser says. */
export interface PlatformInfo {
  userAgent: string;
  maxTouchPoints: number;
  standalone: boolean;
}

/** iPhone, iPod, or an iPad (which presents itself as a Mac with touch). */
export function isIos({ userAgent, maxTouchPoints }: PlatformInfo): boolean {
  return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}

/** Safari on iOS, where installing goes through the Share menu; other iOS browsers cannot install. */
export function isIosSafari(info: PlatformInfo): boolean {
  return isIos(info) && /Safari/.test(info.userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(info.userAgent);
}

/**
 * On iOS a browser tab and the installed app keep separate storage: what a
 * user writes in the tab is not in the app. Warn before their first entry.
 */
export function shouldWarnBeforeFirstEntry(info: PlatformInfo): boolean {
  return isIos(info) && !info.standalone;
}

export function currentPlatform(): PlatformInfo {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    userAgent: nav.userAgent,
    maxTouchPoints: nav.maxTouchPoints ?? 0,
    standalone: nav.standalone === true || window.matchMedia('(display-mode: standalone)').matches,
  };
}
