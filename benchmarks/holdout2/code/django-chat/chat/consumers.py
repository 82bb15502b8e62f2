import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer, WebsocketConsumer
from django.utils import timezone

from .models import Message, Room


class ChatConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.room = self.scope["url_route"]["kwargs"]["room"]
        self.group = f"chat_{self.room}"
        # ok: blocking-call-in-async-handler
        allowed = await database_sync_to_async(self._can_join)()
        if not allowed:
            await self.close(code=4403)
            return
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    def _can_join(self):
        # ok: blocking-call-in-async-handler
        return Room.objects.filter(slug=self.room, members=self.scope["user"]).exists()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        # ruleid: json-parse-without-guard
        data = json.loads(text_data)
        # ruleid: blocking-call-in-async-handler
        msg = Message.objects.create(room_id=self.room, author=self.scope["user"], body=data["body"][:4000])
        await self.channel_layer.group_send(
            self.group, {"type": "chat.message", "id": msg.id, "body": msg.body, "author": msg.author_id}
        )

    async def chat_message(self, event):
        await self.send(text_data=json.dumps({"id": event["id"], "body": event["body"], "author": event["author"]}))


class RoomActivityConsumer(WebsocketConsumer):
    """Sync consumer: runs in a thread, ORM access is fine."""

    def connect(self):
        self.accept()

    def receive(self, text_data=None, bytes_data=None):
        try:
            # ok: json-parse-without-guard
            data = json.loads(text_data or "{}")
        except json.JSONDecodeError:
            self.close(code=1007)
            return
        # ok: blocking-call-in-async-handler
        Room.objects.filter(slug=data.get("room")).update(last_activity=timezone.now())
        self.send(text_data='{"ok": true}')
