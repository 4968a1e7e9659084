/**
 * Body-map marks are stored as fractions of the outline's box (0 to 1 from the top left),
 * so they mean the same on a phone and a desktop. These turn pointer and keyboard input
 * into those fractions and back.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
const round = (value: number) => Math.round(value * 1000) / 1000;

export function pointFromPointer(clientX: number, clientY: number, box: Box): Point {
  if (box.width <= 0 || box.height <= 0) return { x: 0.5, y: 0.5 };
  return { x: round(clamp((clientX - box.left) / box.width)), y: round(clamp((clientY - box.top) / box.height)) };
}

export type Direction = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

export const KEYBOARD_STEP = 0.02;

/** Moves the keyboard cursor one step (Shift: five), staying inside the outline's box. */
export function nudge(point: Point, direction: Direction, step: number = KEYBOARD_STEP): Point {
  const delta = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] }[direction];
  return { x: round(clamp(point.x + (delta[0] ?? 0))), y: round(clamp(point.y + (delta[1] ?? 0))) };
}

export function toViewBox(point: Point, width: number, height: number): Point {
  return { x: point.x * width, y: point.y * height };
}

/** Words for where a mark is, for screen readers: "upper left", "middle", … */
export function describePosition(point: Point): string {
  const vertical = point.y < 0.2 ? 'head and neck' : point.y < 0.5 ? 'upper body' : point.y < 0.65 ? 'middle' : 'legs';
  const horizontal = point.x < 0.4 ? 'left of picture' : point.x > 0.6 ? 'right of picture' : 'centre';
  return `${vertical}, ${horizontal}`;
}
