from graph.cli import exit_with, main

exit_with(main())
