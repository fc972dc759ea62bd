"""Text colors that carry meaning, shared by every tab so an error looks the same anywhere."""

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"
OK_COLOR = "#1b6e20"
