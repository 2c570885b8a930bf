from selon.cli import main

main()
