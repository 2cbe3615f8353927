"""Login throttling: django-axes counts failed sign-ins per user name and address.

Only web sign-ins carry a request, and only they can be hammered from outside;
authenticate() called without one (the shell, a management command, the test
client's login()) is left to the next backend instead of being an error.
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
