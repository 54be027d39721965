import RelGraphCLI

RelGraphCommand.main()
