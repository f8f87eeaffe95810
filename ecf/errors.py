class DomainError(Exception):
    """A service refused a change for a reason the user can act on; the message is GOV.UK copy for them."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
