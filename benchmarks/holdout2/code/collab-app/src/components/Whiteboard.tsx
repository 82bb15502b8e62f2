import { useCallback, useEffect, useMemo, useRef } from "react";
import throttle from "lodash/throttle";
import { socket } from "../realtime/socket";

type Point = { x: number; y: number; strokeId: string };

export function Whiteboard({ boardId }: { boardId: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<string | null>(null);

  const drawRemotePoint = useCallback((p: Point) => {
    const ctx = canvasRef.current?.getContext("2d");
    if (!ctx) return;
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  }, []);

  const finishStroke = useCallback(() => {
    canvasRef.current?.getContext("2d")?.closePath();
  }, []);

  const handlePointerMove = useMemo(
    () =>
      throttle((e: React.PointerEvent<HTMLCanvasElement>) => {
        if (!drawing.current) return;
        // ok: mousemove-send-unthrottled
        socket.emit("stroke:point", { boardId, strokeId: drawing.current, x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY });
      }, 40),
    [boardId],
  );

  useEffect(() => () => handlePointerMove.cancel(), [handlePointerMove]);

  const handlePointerDown = () => {
    drawing.current = crypto.randomUUID();
  };

  const handlePointerUp = () => {
    if (!drawing.current) return;
    // ok: mousemove-send-unthrottled
    socket.emit("stroke:end", { boardId, strokeId: drawing.current });
    drawing.current = null;
  };

  useEffect(() => {
    // ok: listener-without-cleanup
    socket.on("stroke:point", drawRemotePoint);
    return () => {
      socket.off("stroke:point", drawRemotePoint);
    };
  }, [drawRemotePoint]);

  useEffect(() => {
    // ok: listener-without-cleanup
    socket.on("board:cleared", () => {
      const c = canvasRef.current;
      c?.getContext("2d")?.clearRect(0, 0, c.width, c.height);
    });
    return () => {
      socket.removeAllListeners("board:cleared");
    };
  }, []);

  useEffect(() => {
    // ruleid: listener-without-cleanup
    socket.on("stroke:end", () => finishStroke());
    return () => {
      socket.off("stroke:end", () => finishStroke());
    };
  }, [finishStroke]);

  return (
    <canvas
      ref={canvasRef}
      width={1600}
      height={900}
      onPointerDown={handlePointerDown}
      onPointerMove={handlePointerMove}
      onPointerUp={handlePointerUp}
    />
  );
}
