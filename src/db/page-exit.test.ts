// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { add, getSize } from './page-exit.ts';

const hide = (persisted: boolean) => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted }));

describe('page exit callbacks (stand-in for the unload package)', () => {
  it('run when the page is discarded, not when it enters the back/forward cache', () => {
    const addListener = vi.spyOn(window, 'addEventListener');
    const leave = vi.fn();
    add(leave);
    expect(addListener.mock.calls.map(([type]) => type)).toEqual(['pagehide']);
    hide(true);
    expect(leave).not.toHaveBeenCalled();
    hide(false);
    expect(leave).toHaveBeenCalledOnce();
    expect(getSize()).toBe(0);
  });

  it('can be removed or run early, once', () => {
    const removed = vi.fn();
    const early = vi.fn();
    add(removed).remove();
    add(early).run();
    hide(false);
    expect(removed).not.toHaveBeenCalled();
    expect(early).toHaveBeenCalledOnce();
  });
});
