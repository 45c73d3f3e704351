import sys

try:
    from .cli import main

    status = main()
except KeyboardInterrupt:  # Ctrl-C while Python loads the command or reads its line: stopped, without a traceback
    status = 130
sys.exit(status)
