from eoreader.cli import main

main()
