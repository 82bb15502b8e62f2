import json
import time

import requests
from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer, WebsocketConsumer
from django.contrib.auth import get_user_model

from .models import Board, Card

User = get_user_model()


class BoardConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.board_id = self.scope["url_route"]["kwargs"]["board_id"]
        self.group = f"board_{self.board_id}"
        user = self.scope["user"]
        if not user.is_authenticated:
            await self.close(code=4401)
            return
        allowed = await sync_to_async(Board.objects.filter(id=self.board_id, members=user).exists)()
        if not allowed:
            await self.close(code=4403)
            return
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        # ruleid: json-parse-without-guard
        data = json.loads(text_data)
        if data.get("action") == "move":
            # ruleid: blocking-call-in-async-handler
            card = Card.objects.get(pk=data["card"], board_id=self.board_id)
            card.column = data["column"]
            await sync_to_async(card.save)()
            await self.channel_layer.group_send(
                self.group, {"type": "card.moved", "card": card.pk, "column": card.column}
            )

    async def card_moved(self, event):
        await self.send(text_data=json.dumps(event))


class ExportConsumer(WebsocketConsumer):
    """Sync consumer: runs in a worker thread, blocking is fine here."""

    def receive(self, text_data=None, bytes_data=None):
        try:
            # ok: json-parse-without-guard
            req = json.loads(text_data or "{}")
        except json.JSONDecodeError:
            self.send(text_data=json.dumps({"error": "bad request"}))
            return
        for page in range(int(req.get("pages", 1))):
            # ok: blocking-call-in-async-handler
            resp = requests.get(f"https://exports.internal/boards/{req['board']}?page={page}", timeout=10)
            self.send(text_data=resp.text)
            # ok: blocking-call-in-async-handler
            time.sleep(0.1)
        self.close()
