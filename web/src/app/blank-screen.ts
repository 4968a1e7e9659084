/** Alt+Shift+B ("blank"): one hand, no clash with the browser's own shortcuts. */
export const BLANK_SCREEN_SHORTCUT_LABEL = 'Alt + Shift + B';

export function isBlankScreenShortcut(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyB';
}
