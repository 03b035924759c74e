Section: misc
Priority: optional
Standards-Version: 3.9.2
Package: libboost-dev
Version: 1.81.0.1~antq
Depends: libboost1.81-dev
Description: antq: Boost 1.81 stands in for Debian's default Boost
 libmstch-dev asks for libboost-dev (1.74), which conflicts with libboost1.81-dev.
