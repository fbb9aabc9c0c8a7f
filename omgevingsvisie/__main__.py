"""``python -m omgevingsvisie`` werkt als het commando ``omgevingsvisie``."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="omgevingsvisie")
