"""`lumen admin …` and `lumen audit …`: admins, password resets, audit-chain checks."""

from __future__ import annotations

import asyncio
import uuid

import typer

admin_app = typer.Typer(help="Administration.", no_args_is_help=True)
audit_app = typer.Typer(help="Audit log.", no_args_is_help=True)


@admin_app.command("create")
def create_admin(
    email: str = typer.Option(..., help="Admin's email (the sign-in name)."),
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True,
                                 help="At least 10 characters."),
    name: str = typer.Option("Administrator", help="Display name."),
) -> None:
    """Create an admin account (the first one bootstraps LUMEN)."""

    async def run() -> uuid.UUID:
        from pydantic import ValidationError

        from backend.audit import service as audit
        from backend.auth.schemas import UserCreate
        from backend.auth.service import create_user
        from backend.config import load_settings
        from backend.core.errors import AppError
        from backend.database import Database
        from backend.models import Role

        settings = load_settings()
        db = Database(settings)
        try:
            data = UserCreate(email=email, password=password, display_name=name)
            async with db.sessionmaker() as session:
                user = await create_user(session, settings, data, role=Role.admin)
                await audit.record(session, action="admin.created_by_cli",
                                   subject_user_id=user.id, target_type="user",
                                   target_id=str(user.id))
                await session.commit()
                return user.id
        except ValidationError as exc:
            raise typer.BadParameter("; ".join(e["msg"] for e in exc.errors())) from None
        except AppError as exc:
            raise typer.BadParameter(exc.message) from None
        finally:
            await db.dispose()

    typer.echo(f"admin created: {asyncio.run(run())}")


@admin_app.command("reset-password")
def reset_password(email: str = typer.Argument(..., help="The account's email.")) -> None:
    """Print a one-time password-reset token for an account (there is no mail server)."""

    async def run() -> str:
        from backend.auth.repository import UserRepository
        from backend.auth.service import issue_reset_token
        from backend.config import load_settings
        from backend.core.crypto import cipher_for
        from backend.database import Database

        settings = load_settings()
        db = Database(settings)
        try:
            async with db.sessionmaker() as session:
                index = cipher_for(settings).blind_index(email, purpose="email")
                user = await UserRepository(session).by_email_index(index)
                if user is None:
                    raise typer.BadParameter("no account with that email")
                token, _ = await issue_reset_token(None, session, user_id=user.id, actor=None)
                await session.commit()
                return token
        finally:
            await db.dispose()

    typer.echo(asyncio.run(run()))


@audit_app.command("verify")
def verify() -> None:
    """Recompute the audit log's hash chain; exit 1 if any row was changed or removed."""

    async def run() -> tuple[bool, str]:
        from backend.audit.service import verify_chain
        from backend.config import load_settings
        from backend.database import Database

        db = Database(load_settings())
        try:
            async with db.sessionmaker() as session:
                report = await verify_chain(session)
            return report.ok, f"{report.message} ({report.checked} events checked)"
        finally:
            await db.dispose()

    ok, message = asyncio.run(run())
    typer.echo(message, err=not ok)
    raise typer.Exit(0 if ok else 1)
