"""The pages of the main window, one module each; see PAGES for their order."""
