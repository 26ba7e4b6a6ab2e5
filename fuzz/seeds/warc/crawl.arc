filedesc://crawl.arc 0.0.0.0 20240402101500 text/plain 71
1 0 River Post
URL IP-address Archive-date Content-type Archive-length

https://river-post.example/news/ferry-timetable?utm_source=feed 192.0.2.7 20240402101500 text/html 958
HTTP/1.1 200 OK
Content-Type: text/html

<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>New ferry timetable adds late sailings - River Post</title><meta property="og:site_name" content="River Post"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>New ferry timetable adds late sailings</h1><p>The river ferry between Eastwick and the old town will run until eleven at night from May, after two years of requests from shift workers at the hospital and the bakery on the far bank.</p><p>The operator said a second boat, refitted over the winter with an electric motor, would make the extra crossings possible without cutting the daytime service that commuters rely on.</p><p>Fares stay the same for the first year, and season tickets bought before the change will be honoured on the new evening sailings without any extra charge.</p></article><footer>River Post, all rights reserved</footer></body></html>
https://river-post.example/news/library-roof 192.0.2.7 20240402101500 text/html 784
HTTP/1.1 200 OK
Content-Type: text/html

<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Library roof appeal passes its target - River Post</title><meta property="og:site_name" content="River Post"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Library roof appeal passes its target</h1><p>An appeal to mend the leaking roof of the town library has raised more than it asked for, with the last thousand pounds coming from a sponsored swim by the junior lifeguard club.</p><p>Volunteers will move the local history collection to the school hall while scaffolding is up, and the reading room is expected to reopen in the autumn with new lighting as well.</p></article><footer>River Post, all rights reserved</footer></body></html>
