"""The FastAPI application: `create_app()` wires settings, database and routers. OpenAPI at
/docs; every route of the sync protocol is under /sync/v1."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response

from central_server import logs
from central_server.db import ServerDatabase
from central_server.migrate import upgrade
from central_server.notify import ChangeNotifier
from central_server.ops.registry import load_all
from central_server.routers import bootstrap, enroll, health, pull, push
from central_server.settings import Settings

log = logging.getLogger("central_server")


def create_app(settings: Settings | None = None, *, migrate: bool = True) -> FastAPI:
    settings = settings or Settings.from_env()
    load_all()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = ServerDatabase(settings.database_url)
        if migrate:
            upgrade(db)
        app.state.db = db
        log.info("server ready", extra={"database": db.engine.url.render_as_string()})
        yield
        db.close()

    app = FastAPI(title="Frontdesk central server", version="1", lifespan=lifespan)
    app.state.settings = settings
    app.state.notifier = ChangeNotifier()
    for module in (health, enroll, push, pull, bootstrap):
        app.include_router(module.router)

    @app.middleware("http")
    async def access_log(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        log.info(
            "request",
            extra={
                "method": request.method,
                "path": request.url.path,
                "status": response.status_code,
                "ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response

    return app


def app_from_env() -> FastAPI:
    """For `uvicorn central_server.app:app_from_env --factory`."""
    logs.configure()
    return create_app()
