import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while Python loads the command: stopped as in a run, without a traceback
    sys.exit(130)

sys.exit(main())
