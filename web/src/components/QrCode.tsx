import type { ReactElement } from 'react';
import { create } from 'qrcode';

/** A QR code drawn as SVG rectangles: no data: URL or inline style, so the CSP stays strict. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const quiet = 4;
  const cells: ReactElement[] = [];
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      if (modules.get(row, column)) cells.push(<rect key={`${row}-${column}`} x={column + quiet} y={row + quiet} width={1} height={1} />);
    }
  }
  return (
    <svg className="lantern-qr" viewBox={`0 0 ${size + quiet * 2} ${size + quiet * 2}`} role="img" aria-label={label} data-otpauth-uri={text} shapeRendering="crispEdges">
      <rect x={0} y={0} width={size + quiet * 2} height={size + quiet * 2} fill="#ffffff" />
      <g fill="#0b0c0c">{cells}</g>
    </svg>
  );
}
