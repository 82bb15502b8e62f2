import { useEffect, useRef, PointerEvent } from "react";
import { useBoardSocket } from "./useBoardSocket";
import { drawStroke, Stroke } from "./draw";

interface Props {
  boardId: string;
  color: string;
  userId: string;
}

export default function BoardCanvas({ boardId, color, userId }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<Stroke | null>(null);
  const { ws, strokes } = useBoardSocket(boardId);

  useEffect(() => {
    const ctx = canvasRef.current?.getContext("2d");
    if (!ctx) return;
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    strokes.forEach((s) => drawStroke(ctx, s));
  }, [strokes]);

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    drawing.current = { id: crypto.randomUUID(), color, points: [[e.clientX, e.clientY]] };
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    // every move goes out as a cursor update so other people see where we are
    // ruleid: mousemove-send-unthrottled
    ws?.send(JSON.stringify({ t: "cursor", u: userId, x: e.clientX, y: e.clientY }));
    if (drawing.current) {
      drawing.current.points.push([e.clientX, e.clientY]);
    }
  };

  const onPointerUp = () => {
    if (!drawing.current) return;
    if (ws && ws.readyState === WebSocket.OPEN) {
      // ok: mousemove-send-unthrottled
      ws.send(JSON.stringify({ t: "stroke", stroke: drawing.current }));
    }
    drawing.current = null;
  };

  return (
    <canvas
      ref={canvasRef}
      width={1600}
      height={900}
      className="board-canvas"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
    />
  );
}
