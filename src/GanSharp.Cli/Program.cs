GanSharp.Runtime.NativeEnvironment.Configure();
Console.WriteLine("gansharp");
