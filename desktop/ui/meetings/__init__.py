"""The meetings page's parts: the meeting editor, its tabs and dialogs."""
