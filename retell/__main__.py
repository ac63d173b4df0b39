"""`python -m retell` runs the command line."""

from retell.cli.main import main

if __name__ == "__main__":
    main()
