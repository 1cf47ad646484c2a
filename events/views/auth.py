"""Login with a small cache-based limiter: after DAIS_LOGIN_MAX_FAILURES
failed attempts for one username from one address, that pair is locked out
for DAIS_LOGIN_LOCKOUT_SECONDS. A successful login clears the count.

The count lives in Django's cache: share one cache (CACHE_URL=redis://...)
between web processes, or each process keeps its own count."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters


def _client_ip(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is trivially forged unless a trusted
    # proxy rewrites it, and a forged header would reset the limiter.
    return request.META.get("REMOTE_ADDR", "")


def _key(request, username: str) -> str:
    raw = f"{username.strip().lower()}|{_client_ip(request)}"
    return "dais:login-failures:" + hashlib.sha256(raw.encode()).hexdigest()


def is_locked(request, username: str) -> bool:
    return cache.get(_key(request, username), 0) >= settings.DAIS_LOGIN_MAX_FAILURES


def note_failure(request, username: str) -> None:
    key = _key(request, username)
    timeout = settings.DAIS_LOGIN_LOCKOUT_SECONDS
    if cache.add(key, 1, timeout):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout)
    else:
        cache.touch(key, timeout)


@method_decorator([sensitive_post_parameters(), csrf_protect, never_cache], name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")[:150]
        if is_locked(request, username):
            # An unbound form: validating it would call authenticate() anyway.
            form = self.form_class(request, initial={"username": username})
            minutes = max(1, settings.DAIS_LOGIN_LOCKOUT_SECONDS // 60)
            context = self.get_context_data(
                form=form,
                lockout=f"Too many failed sign-in attempts for this account. "
                f"Try again in {minutes} minutes.",
            )
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        note_failure(self.request, self.request.POST.get("username", "")[:150])
        return super().form_invalid(form)

    def form_valid(self, form):
        cache.delete(_key(self.request, form.get_user().get_username()))
        return super().form_valid(form)
