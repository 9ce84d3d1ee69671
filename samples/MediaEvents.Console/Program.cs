using System;
using MediaEvents.ConsoleSample;

return await ConsoleApp.RunAsync(args, Console.OpenStandardInput(), Console.Out, Console.Error).ConfigureAwait(false);
