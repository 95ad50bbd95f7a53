import sys

from revise.cli import main

sys.exit(main())
