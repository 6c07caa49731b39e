from alpine as base
Run echo hi
cOpY a b
Env A=1
