import { describe, expect, it } from 'vitest';
import { describePosition, nudge, pointFromPointer, toViewBox } from '../../web/src/record/body-map-geometry';

describe('body-map coordinates', () => {
  const box = { left: 100, top: 50, width: 200, height: 400 };

  it('turns a click into fractions of the outline box, the same at any screen size', () => {
    // Act
    const desktop = pointFromPointer(150, 250, box);
    const phone = pointFromPointer(100 + 37.5, 50 + 150, { left: 100, top: 50, width: 150, height: 300 });

    // Assess
    expect(desktop).toEqual({ x: 0.25, y: 0.5 });
    expect(phone).toEqual({ x: 0.25, y: 0.5 });
  });

  it('keeps a click on the border inside 0 to 1', () => {
    // Act
    const outside = pointFromPointer(90, 500, box);

    // Assess
    expect(outside).toEqual({ x: 0, y: 1 });
  });

  it('moves the keyboard cross by a step and never out of the box', () => {
    // Act
    const moved = nudge({ x: 0.5, y: 0.5 }, 'ArrowRight');
    const atEdge = nudge({ x: 0.99, y: 0.01 }, 'ArrowUp', 0.1);

    // Assess
    expect(moved).toEqual({ x: 0.52, y: 0.5 });
    expect(atEdge).toEqual({ x: 0.99, y: 0 });
  });

  it('maps fractions back to the drawing and into words for screen readers', () => {
    // Act
    const drawn = toViewBox({ x: 0.25, y: 0.5 }, 100, 200);
    const words = describePosition({ x: 0.2, y: 0.1 });

    // Assess
    expect(drawn).toEqual({ x: 25, y: 100 });
    expect(words).toBe('head and neck, left of picture');
  });
});
