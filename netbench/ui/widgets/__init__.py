"""Small reusable widgets and words (colours, sizes, close reasons), for any tab."""
